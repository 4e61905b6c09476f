ans = await ask_model("hi", temp=0.5)  # expect: unknown-argument "`temperature`"
