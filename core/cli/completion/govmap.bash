# bash completion for govmap                                 -*- sh -*-
#
# Completes commands, global and command options, --format values,
# entity ids (explain, blame, history, map --focus) and region paths
# (--region), reading the ids and regions from the registry the command
# line names (-r, --rev, --staged) through the hidden `govmap complete`.
# Options and formats are read from `govmap COMMAND --help`, so they
# follow the binary.  Installed by the Debian package to
# /usr/share/bash-completion/completions/govmap; by hand:
#   . core/cli/completion/govmap.bash

_govmap_words() { # what `govmap complete $1` prints for this command line
	"${_govmap_bin:-govmap}" "${_govmap_global[@]}" complete "$1" 2>/dev/null
}

_govmap_options() { # the options of command $1 (global ones without)
	local help
	if [ -n "$1" ]; then
		help=$("${_govmap_bin:-govmap}" "$1" --help 2>/dev/null)
	else
		help=$("${_govmap_bin:-govmap}" --help 2>/dev/null)
	fi
	printf '%s\n' "$help" |
		sed -n 's/^ \{1,\}\(-[a-zA-Z], \)\{0,1\}\(--[a-z][a-z-]*\).*/\2/p'
}

_govmap() {
	local cur prev cmd="" i w
	local -a _govmap_global=()
	local _govmap_bin=${COMP_WORDS[0]}
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD - 1]}
	# the global options given so far, and the command
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		case $w in
		-r | --registry | --rev | --on | --plugin-path)
			_govmap_global+=("$w" "${COMP_WORDS[i + 1]}")
			((i++))
			;;
		--staged) _govmap_global+=("$w") ;;
		-*) ;;
		*)
			cmd=$w
			break
			;;
		esac
	done

	case $prev in
	-r | --registry | --plugin-path | -o | --output)
		if [ "$cmd" = map ] || [ "$cmd" = brief ] || [ "$cmd" = history ] ||
			{ [ "$cmd" = export ] && [[ " ${COMP_WORDS[*]} " != *" csv "* ]]; }; then
			COMPREPLY=($(compgen -f -- "$cur"))
		else
			COMPREPLY=($(compgen -d -- "$cur"))
		fi
		return
		;;
	--chart)
		COMPREPLY=($(compgen -f -- "$cur"))
		return
		;;
	--rev | --diff | --changed-since)
		COMPREPLY=($(compgen -W "HEAD $(git for-each-ref \
			--format='%(refname:short)' 2>/dev/null)" -- "$cur"))
		return
		;;
	--region)
		COMPREPLY=($(compgen -W "$(_govmap_words regions)" -- "$cur"))
		return
		;;
	--focus)
		COMPREPLY=($(compgen -W "$(_govmap_words ids)" -- "$cur"))
		return
		;;
	--format)
		COMPREPLY=($(compgen -W "$("${_govmap_bin}" "$cmd" --help \
			2>/dev/null | grep -o -- '--format [a-z|]*' | head -n 1 |
			cut -d' ' -f2 | tr '|' ' ')" -- "$cur"))
		return
		;;
	--paper)
		COMPREPLY=($(compgen -W "a4 a3" -- "$cur"))
		return
		;;
	--on | --since | --until | --top | --depth | --collapse | --max | \
		--max-count | --oldest | \
		--history | --type | --link-base)
		return
		;;
	esac

	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_govmap_options "$cmd")" -- "$cur"))
		return
	fi
	case $cmd in
	"")
		COMPREPLY=($(compgen -W "$(_govmap_words commands)" -- "$cur"))
		;;
	help)
		COMPREPLY=($(compgen -W "$(_govmap_words commands)" -- "$cur"))
		;;
	explain | blame | history | rename)
		COMPREPLY=($(compgen -W "$(_govmap_words ids)" -- "$cur"))
		;;
	new)
		[ "$prev" = new ] &&
			COMPREPLY=($(compgen -W "body board contract link" -- "$cur"))
		;;
	hook)
		[ "$prev" = hook ] && COMPREPLY=($(compgen -W "install" -- "$cur"))
		;;
	diff)
		COMPREPLY=($(compgen -W "HEAD $(git for-each-ref \
			--format='%(refname:short)' 2>/dev/null)" -- "$cur"))
		;;
	esac
}
complete -F _govmap govmap
