#!/bin/sh
# Quick start (1): install dependencies, build, then check and run the example
# agent script against its stubs, answering its tool calls with canned answers.
set -eu
cd "$(dirname "$0")/.."
tools/setup.sh
tools/build.sh build
ex=tools/example
echo "== monty check $ex/agent.py --stubs $ex/tools.pyi"
build/monty check "$ex/agent.py" --stubs "$ex/tools.pyi"
echo "== monty run (host answers from $ex/answers.jsonl)"
build/example_host "$ex/agent.py" "$ex/tools.pyi" "$ex/answers.jsonl"
