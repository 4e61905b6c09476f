def fetch(url, timeout=10, retries=3):
    return url

fetch("x", retry=2)
