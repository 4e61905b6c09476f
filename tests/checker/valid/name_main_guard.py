def run():
    print(summarize("x"))

if __name__ == "__main__":
    run()
