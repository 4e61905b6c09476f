# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
msg = translate("héllo wörld", lang="日本語")
print(msg, len(msg), msg.upper())
send_text("✓ done — 100%")
print("ok")
