"""`medgate policy …`: check policy files and run their test cases (DESIGN.md contract:
`medgate policy test [PATH]` exits 0 when every case passes, 1 otherwise)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gateway.policy.reload import SHIPPED


def _test(args: argparse.Namespace) -> int:
    from gateway.policy.testing import find_test_files, run_file
    path = Path(args.path) if args.path else (Path("policies") if Path("policies").is_dir() else SHIPPED)
    files = find_test_files(path)
    if not files:
        print(f"medgate: no policy test files (*.test.yaml) for {path}", file=sys.stderr)
        return 1
    passed = failed = 0
    for file in files:
        for result in run_file(file):
            if result.passed:
                passed += 1
                if args.verbose:
                    print(f"PASS {file}: {result.case}")
            else:
                failed += 1
                print(f"FAIL {file}: {result.case}")
                for problem in result.failures:
                    print(f"     {problem}")
    print(f"{passed}/{passed + failed} policy test cases passed ({len(files)} file{'s' * (len(files) != 1)})")
    return 0 if failed == 0 else 1


def _check(args: argparse.Namespace) -> int:
    from gateway.policy.loader import PolicyError, load_policy_set
    from gateway.settings import ConfigError, load_config
    try:
        models = {m.model_name for m in load_config(args.config).model_list} if args.config else None
        policy = load_policy_set(Path(args.path), models=models)
    except (PolicyError, ConfigError) as exc:
        print(f"medgate: {exc}", file=sys.stderr)
        return 2
    print(f"{args.path}: {len(policy.rules)} rules in {len(policy.files)} file(s), version {policy.version}")
    return 0


def register(subparsers) -> None:
    policy = subparsers.add_parser("policy", help="check policies and run their test cases")
    sub = policy.add_subparsers(dest="policy_cmd", required=True)
    test = sub.add_parser("test", help="run policy test cases (*.test.yaml); exit 0 all pass, 1 otherwise")
    test.add_argument("path", nargs="?", help="directory, policy file or test file (default: ./policies)")
    test.add_argument("-v", "--verbose", action="store_true", help="list passing cases too")
    test.set_defaults(func=_test)
    check = sub.add_parser("check", help="load a policy file or directory; exit 0 valid, 2 with the error")
    check.add_argument("path")
    check.add_argument("--config", help="gateway config whose model names route targets must be among")
    check.set_defaults(func=_check)
