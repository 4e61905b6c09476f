# Float math: a Mandelbrot escape-time grid and a small n-body style integration.
def mandel(w, h, iters):
    count = 0
    for y in range(h):
        ci = 2.0 * y / h - 1.0
        for x in range(w):
            cr = 3.0 * x / w - 2.0
            zr = zi = 0.0
            n = 0
            while n < iters and zr * zr + zi * zi < 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                n += 1
            count += n
    return count


def orbit(steps):
    x, y, vx, vy = 1.0, 0.0, 0.0, 1.0
    dt = 0.001
    for _ in range(steps):
        r2 = x * x + y * y
        r3 = r2 * r2 ** 0.5
        vx -= x / r3 * dt
        vy -= y / r3 * dt
        x += vx * dt
        y += vy * dt
    return round(x, 6), round(y, 6)


print(mandel(200, 120, 100), orbit(500000))
