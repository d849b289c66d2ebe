"""The `ufos` command. Each subcommand lives in its own module, which owns its arguments.
`ufos` alone boots the machine to the shell (`ufos boot`)."""
import importlib
import sys

SUBCOMMANDS = {
    "as":      ("ufos.toolchain.asm", "assemble a .s file into an ELF object"),
    "objdump": ("ufos.toolchain.objdump", "disassemble an ELF object or a raw binary"),
    "cc":      ("ufos.toolchain.driver", "compile C, assemble and link into an ELF executable"),
    "ld":      ("ufos.toolchain.ld", "link ELF objects into an ELF executable"),
    "boot":    ("ufos.console.boot", "boot ufos to the shell in this terminal (what `ufos` alone does)"),
    "run":     ("ufos.console.run", "boot ufos, run one program, exit with its status"),
    "top":     ("ufos.console.top", "watch the μprocesses of the ufos running in another terminal"),
    "bench":   ("ufos.bench", "run a benchmark (cpu, relocate, cc, fork, paper, redis, http) and print its figures"),
    "fuzz":    ("ufos.fuzz", "make random, malformed system calls and check the kernel survives them"),
    "lab":     ("ufos.console.lab", "the course's labs: list, show a handout, export the student edition, gradescope"),
    "grade":   ("ufos.console.grade", "grade a lab (this tree, a submission or a class): points, hints, the score"),
}


def usage() -> str:
    lines = ["usage: ufos [COMMAND [ARGS...]]", "", "With no command, ufos boots to the shell.", "",
             "commands:"]
    lines += [f"  {name:<9} {help_}" for name, (_, help_) in SUBCOMMANDS.items()]
    return "\n".join(lines)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in ("-h", "--help"):
        print(usage())
        return 0
    if not argv or argv[0].startswith("-"):      # `ufos --fork-policy coa`: boot with options
        argv = ["boot"] + argv
    name, rest = argv[0], argv[1:]
    if name not in SUBCOMMANDS:
        print(f"ufos: unknown command '{name}'\n\n{usage()}", file=sys.stderr)
        return 2
    module = importlib.import_module(SUBCOMMANDS[name][0])
    try:
        return module.main(rest)
    except BrokenPipeError:            # `ufos objdump prog | head`: the reader has had enough
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
