print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7.5, -2), divmod(1, 0.3))
print(7.5 // 2, -7.5 // 2, 7.5 % -2, -0.0 % 5)
