run_mode("turbo")  # expect: invalid-argument-type "Literal"
