# A 1,000,000-entry dict of int keys to int values.
table = {i: i * 2 for i in range(1_000_000)}
print(len(table), table[999_999])
