# The README's two commands: each installs what it needs on a fresh machine, then runs.
.PHONY: demo test package package-test

# A sample month in a temporary database, last week's listing, then the Monday email.
demo:
	scripts/install build
	swift run tsheet demo

# Every test, with the servers and programs they open (CI runs this through .ci/run, with CI set).
test:
	scripts/test

# The Debian package and the tarball, from the commit checked out, into dist/.
package:
	scripts/package

# lintian on the package, then both installed and run in a minimal Debian 12 root (mmdebstrap).
package-test:
	scripts/package-test
