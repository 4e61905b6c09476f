print(summarize("t", 5, max_words=3))  # expect: parameter-already-assigned "`max_words`"
