fetch("https://a")  # expect: unused-awaitable "await fetch"
