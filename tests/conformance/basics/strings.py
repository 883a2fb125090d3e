# String literals, escapes, concatenation, repetition and repr.
s = "hello"
t = 'world'
print(s + " " + t, s * 3, 2 * "ab", "x" * 0, "y" * -1)
print(repr(s), repr("it's"), repr('say "hi"'), repr("both ' and \""))
print(repr("tab\there"), repr("new\nline"), repr("back\\slash"), repr("\x00\x7f"))
print("a" "b" 'c', """triple
quoted""", '''also
triple''')
print(r"raw\n", repr(r"raw\t"), "\u00e9t\u00e9", "snow: \u2603")
print(repr("caf\u00e9"), repr("\u200b"), repr("\xa0"), repr("\U0001F600"))
print("", repr(""), "done")
print("multi", "args", sep="-", end="!\n")
print("no newline", end="")
print()
print("sep", "None", sep=None)
print(1, 2, 3, sep=", ")
print(repr(1), repr(2.5), repr(True), repr(None), repr((1, "a")), repr((1,)), repr(()))
