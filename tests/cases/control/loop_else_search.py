def find_prime_factor(n):
    for d in range(2, n):
        if n % d == 0:
            return d
    else:
        return None
print([find_prime_factor(n) for n in [9, 13, 15, 49, 97]])
primes = []
for n in range(2, 40):
    for p in primes:
        if n % p == 0:
            break
    else:
        primes.append(n)
print(primes)
