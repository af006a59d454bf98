#!/usr/bin/env bash
# Sets up a fresh machine: Debian packages for the browser-driven tests, the local
# VS Code (code-server), the Neovim LSP check and the pre-commit hook test, the npm
# packages, and a build.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(chromium ripgrep libkrb5-dev neovim pre-commit)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Missing Debian packages (needed for browser and VS Code tests): ${missing[*]}"
    echo "Install them with: sudo apt-get install -y ${missing[*]}"
  fi
fi

npm ci --no-audit --no-fund
npm run build
