#!/usr/bin/env bash
# A batch of articles split over a Slurm job array: task i runs shard i of N into one shared
# output folder (on a shared file system), against the team's TM on PostgreSQL; a merge job that
# depends on the whole array then builds run.json, index.html and run.tmx.
#
#   sbatch --array=1-16 deploy/slurm/selaras-array.sh
#   sbatch --dependency=afterok:<ARRAY_JOB_ID> --wrap 'selaras report merge /shared/selaras/out'
#
# A task that fails or is requeued (--requeue) finishes only what its shard is missing.
# The password comes from ~/.pgpass (mode 600) or PGPASSWORD, never from this file.
#SBATCH --job-name=selaras
#SBATCH --cpus-per-task=2
#SBATCH --mem=2G
#SBATCH --time=01:00:00
#SBATCH --requeue
#SBATCH --output=logs/selaras-%A_%a.log
set -euo pipefail
: "${SLURM_ARRAY_TASK_ID:?submit with sbatch --array=1-N}"
: "${SLURM_ARRAY_TASK_COUNT:?submit with sbatch --array=1-N}"
export SELARAS_CACHE_DIR="${TMPDIR:-/tmp}/selaras-cache-$SLURM_ARRAY_TASK_ID"
exec selaras run Pipelines/news-brief.yaml \
  --input /shared/selaras/articles --output /shared/selaras/out \
  --shard "$SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT" \
  --tm-store "postgres://selaras@tm-db.example:5432/selaras" \
  --jobs "${SLURM_CPUS_PER_TASK:-2}"
