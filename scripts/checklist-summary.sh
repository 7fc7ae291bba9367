#!/bin/sh
# A CI leg's job summary: its service's checklist (compliance.md), or why there is none.
# Usage: sh scripts/checklist-summary.sh SERVICE REPORTS_DIR >> "$GITHUB_STEP_SUMMARY"
# (.github/workflows/nightly.yml and service-leg.yml; test/nightly-workflow.test.ts runs it)
set -eu
report="$2/$1/compliance.md"
if [ -f "$report" ]; then
  cat "$report"
else
  printf '# %s\n\nNo checklist: the run ended before checking the service (see the acceptance step).\n' "$1"
fi
