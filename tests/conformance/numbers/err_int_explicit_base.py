# An explicit base needs text.
n = int(5, 10)
