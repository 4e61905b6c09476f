args = ["Paris"]
kwargs = {"units": "c"}
w = get_weather(*args, **kwargs)
print(w["temp"])
pair = ("a", "b", "c")
send_email(*pair)
