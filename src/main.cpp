// travaux: hands argv to cli::run and returns its exit code.
#include "cli/cli.h"

int main(int argc, char** argv) { return travaux::cli::run(argc, argv); }
