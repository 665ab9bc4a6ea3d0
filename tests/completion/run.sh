#!/bin/sh
# tests/completion/run.sh - shell completion (core/cli/completion/govmap.bash and
# core/cli/completion/_govmap), the hidden `govmap complete`, and colour: on a
# terminal only (a pseudo-terminal from script(1)), never with NO_COLOR
# set to anything or TERM=dumb (make check-completion).
#
# bash: the completion function runs with COMP_WORDS/COMP_CWORD as bash
# sets them and COMPREPLY is compared.  zsh: the function runs with
# `words`/CURRENT set and compadd, _files and _directories replaced by
# functions that print what they were given (zsh's completion system
# itself needs a terminal).  Ids and regions come from the export
# fixture, tests/export/fixture/.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd -P) || exit 2
BIN=${GOVMAP_BIN:-$root/build/govmap}
FX=$root/tests/export/fixture
cd "$root" || exit 2
unset GOVMAP_REGISTRY
pass=0 fail=0
# The completion functions start govmap themselves (`govmap CMD --help`
# in a pipeline that stops reading early); they are given a wrapper that
# runs it under a time limit, so that a process that never exits (under
# ASan, LeakSanitizer's exit-time stop of the threads was once seen to
# spin for minutes) is killed rather than left running after the tests.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/govmap-completion.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
CBIN=$tmp/govmap
printf '#!/bin/sh\nexec timeout 60 "$GOVMAP_COMPLETION_BIN" "$@"\n' >"$CBIN"
chmod +x "$CBIN"
GOVMAP_COMPLETION_BIN=$BIN
export GOVMAP_COMPLETION_BIN
ok() { pass=$((pass + 1)); echo "ok - $1"; }
ko() { fail=$((fail + 1)); echo "not ok - $1"; }
same() { # NAME GOT WANT
	if [ "$2" = "$3" ]; then ok "$1"; else ko "$1"; echo "#  got: $2"; echo "# want: $3"; fi
}

# bash: WORDS... -> the completions, sorted, on one line
b() {
	bash -c '. core/cli/completion/govmap.bash
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _govmap
		[ ${#COMPREPLY[@]} = 0 ] ||
			printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "' _ "$CBIN" "$@"
}
same "bash: commands" "$(b ex)" "explain export "
same "bash: no hidden command" "$(b co)" ""
same "bash: export's options" "$(b export --)" "--format --help --output "
same "bash: blame's options" "$(b blame --)" "--help --max-count --since --until "
same "bash: no value offered for --max-count" "$(b blame --max-count '')" ""
same "bash: export's formats" "$(b export --format '')" "csv ftm graphml kumu popolo "
same "bash: map's formats" "$(b map --format '')" "dot json pdf png svg "
same "bash: brief's formats" "$(b brief --format '')" "html pdf "
same "bash: map --paper sizes" "$(b map --paper '')" "a3 a4 "
same "bash: brief's options" "$(b brief --)" "--force --format --help --output --region "
same "bash: site's options (none from its help's prose)" "$(b site --)" \
	"--force --help --history --no-pdf --output --since "
same "bash: plugins' options (none from its help's prose)" "$(b plugins --)" \
	"--help --quiet "
same "bash: brief --region" "$(b -r "$FX" brief --region england/t)" "england/testshire england/testshire/north "
same "bash: global options" "$(b --r)" "--registry --rev "
same "bash: ids of the -r registry" "$(b -r "$FX" explain test-t)" \
	"test-trust test-trust-board "
same "bash: map --focus ids" "$(b -r "$FX" map --focus test-c)" \
	"test-care-contract test-company test-company-member-of-council test-council test-council-elected-by-electorate "
same "bash: regions" "$(b -r "$FX" map --region '')" \
	"england england/testshire england/testshire/north "
same "bash: report --region" "$(b -r "$FX" --on 2025-01-01 report --region england/testshire/)" \
	"england/testshire/north "
same "bash: new's kinds" "$(b new b)" "board body "
same "bash: no registry, no noise" "$(b -r /nonexistent explain x)" ""

# zsh
if command -v zsh >/dev/null 2>&1; then
	z() {
		# compadd offers the words that start with the current one
		zsh -fc 'compadd() { [[ $1 == -- ]] && shift
				local w; for w in "$@"; do
					[[ $w == ${words[CURRENT]}* ]] && print -r -- $w; done; }
			_files() { print -r -- "(files)"; }
			_directories() { print -r -- "(directories)"; }
			source core/cli/completion/_govmap >/dev/null 2>&1
			words=("$@"); CURRENT=$#
			_govmap | sort | tr "\n" " "' _ "$CBIN" "$@"
	}
	same "zsh: commands" "$(z ex)" "explain export "
	same "zsh: export's formats" "$(z export --format '')" "csv ftm graphml kumu popolo "
	same "zsh: export's options" "$(z export --)" "--format --help --output "
	same "zsh: blame's options" "$(z blame --)" "--help --max-count --since --until "
	same "zsh: ids of the -r registry" "$(z -r "$FX" blame test-t)" \
		"test-trust test-trust-board "
	same "zsh: regions" "$(z -r "$FX" map --region '')" \
		"england england/testshire england/testshire/north "
	same "zsh: -o completes files" "$(z export -o '')" "(files) "
	same "zsh: site's options" "$(z site --)" "--force --help --history --no-pdf --output --since "
	same "zsh: brief's formats" "$(z brief --format '')" "html pdf "
	same "zsh: map --paper sizes" "$(z map --paper '')" "a3 a4 "
	same "zsh: -r completes directories" "$(z -r '')" "(directories) "
	if zsh -n core/cli/completion/_govmap; then ok "zsh: the script parses"; else ko "zsh: the script parses"; fi
else
	ko "zsh is not installed (make deps installs it)"
fi

# the hidden command
same "complete commands lists no hidden command" \
	"$("$BIN" complete commands | tr '\n' ' ')" \
	"blame brief check diff explain export help history hook map new plugins rename report rules site stats version "
same "complete ids honours --rev-less -r" "$("$BIN" -r "$FX" complete ids | wc -l | tr -d ' ')" "11"
"$BIN" -r /nonexistent complete ids >/dev/null 2>"$root/build/complete.err"
same "complete: no registry, exit 0, silent" "$?:$(cat "$root/build/complete.err")" "0:"

# version
version=$(sed -n 's/^#define GOVMAP_VERSION "\(.*\)"/\1/p' core/include/govmap/govmap.h)
same "--version names the schema and plugin ABI" "$("$BIN" --version | tr '\n' ' ')" \
	"govmap $version registry schema 1 plugin ABI 1 "

# colour: only on a terminal, and NO_COLOR (any value but empty) or
# TERM=dumb turn it off
tty() { # ENV... : run check on an invalid registry under a pseudo-terminal
	env "$@" script -qec "$BIN -r tests/fixtures/invalid/duplicate-id check" /dev/null
}
esc=$(printf '\033')
case $(tty TERM=xterm NO_COLOR= 2>&1) in
*"$esc[1;31merror:"*) ok "colour on a terminal" ;;
*) ko "colour on a terminal" ;;
esac
case $(tty TERM=xterm NO_COLOR=1 2>&1) in
*"$esc["*) ko "NO_COLOR=1: no colour" ;;
*"error:"*) ok "NO_COLOR=1: no colour" ;;
*) ko "NO_COLOR=1: the error is printed" ;;
esac
case $(tty TERM=dumb 2>&1) in
*"$esc["*) ko "TERM=dumb: no colour" ;;
*) ok "TERM=dumb: no colour" ;;
esac
case $(TERM=xterm "$BIN" -r tests/fixtures/invalid/duplicate-id check 2>&1) in
*"$esc["*) ko "not a terminal: no colour" ;;
*"error:"*) ok "not a terminal: no colour" ;;
*) ko "not a terminal: the error is printed" ;;
esac

echo "# completion tests: $pass passed, $fail failed"
[ $fail = 0 ]
