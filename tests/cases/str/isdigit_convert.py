entries = ["12", "x3", "45", "", "007", "-4"]
nums = [int(e) for e in entries if e.isdigit()]
print(nums, sum(nums))
print([e.lstrip("-").isdigit() for e in entries])
