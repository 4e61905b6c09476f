print(f"Weather: {describe('Oslo')} / {describe('Rome').upper()}")
