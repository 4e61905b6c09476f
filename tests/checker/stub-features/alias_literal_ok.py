run_mode("fast")
run_mode(mode="safe")
