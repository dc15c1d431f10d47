// libxlsxwriter, the system's (Debian: libxlsxwriter-dev), found through pkg-config.
#include <xlsxwriter.h>
