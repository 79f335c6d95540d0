x = 1
error("boom from the script")
