w = get_forecast("Paris", city="Rome")  # expect: parameter-already-assigned "`city`"
