print "hello"  # expect: invalid-syntax
