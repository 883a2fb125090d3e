# round() needs __round__.
x = round("a")
