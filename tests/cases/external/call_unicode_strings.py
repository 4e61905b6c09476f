msg = translate("héllo wörld", lang="日本語")
print(msg, len(msg), msg.upper())
send_text("✓ done — 100%")
print("ok")
