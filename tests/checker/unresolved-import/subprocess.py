import subprocess  # expect: unresolved-import
subprocess.run(["ls"])
