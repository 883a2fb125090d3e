# A KeyError prints its key with repr ("KeyError: 'a'"), from str.format, % and set.pop,
# caught and uncaught.
for f in (lambda: "{a}".format(), lambda: "%(a)s" % {}, lambda: set().pop(), lambda: "{0[x]}".format({})):
    try:
        f()
    except KeyError as e:
        print("KeyError:", e)
"{missing}".format()
