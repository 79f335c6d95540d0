print("second script ran")
