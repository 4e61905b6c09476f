r = search("q", max_results="ten")  # expect: invalid-argument-type "`max_results`"
