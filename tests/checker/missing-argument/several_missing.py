send_email("a@b.c")  # expect: missing-argument "`subject`, `body`"
