while True:
    break
  continue
