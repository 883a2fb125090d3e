print("a",
      "b"
x = 2
