#!/usr/bin/env bash
# Makes the certificates for a Kasify cluster's mutual TLS (Kasify:Cluster:Tls): a cluster certificate authority and,
# for every host name given, a certificate signed by it (PEM certificate + unencrypted PKCS#8 key, usable for both
# server and client authentication, so one file set serves a silo or an API host).
#
#   scripts/cluster-certificates.sh [--dir DIR] [NAME ...]     (default DIR .kasify/cluster-tls, NAMEs silo1 silo2 silo3 api)
#
# An existing authority in DIR (ca.pem + ca.key) is reused, so hosts can be added later; existing host files are kept.
# ca.key is what admits a host to the cluster: keep it off the hosts (each host needs ca.pem, its NAME.pem and NAME.key).
set -euo pipefail
umask 077

dir=.kasify/cluster-tls
names=()
while (($#)); do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    -h | --help) sed -n '2,9p' "$0"; exit 0 ;;
    *) names+=("$1"); shift ;;
  esac
done
((${#names[@]})) || names=(silo1 silo2 silo3 api)
mkdir -p "$dir"
extensions="$(mktemp)"
trap 'rm -f "$extensions" "$dir"/*.csr' EXIT

if [[ ! -f "$dir/ca.pem" || ! -f "$dir/ca.key" ]]; then
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/ca.key"
  openssl req -x509 -new -key "$dir/ca.key" -sha256 -days 3650 -subj "/CN=Kasify cluster CA $(date +%Y-%m-%d)" \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -out "$dir/ca.pem"
  echo "Created the cluster authority $dir/ca.pem (key $dir/ca.key)"
fi

cat >"$extensions" <<'EXT'
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth,clientAuth
EXT

for name in "${names[@]}"; do
  if [[ ! "$name" =~ ^[A-Za-z0-9._-]+$ ]]; then
    echo "Host name '$name' may hold only letters, digits, '.', '_' and '-'." >&2
    exit 1
  fi
  if [[ -f "$dir/$name.pem" ]]; then
    echo "Kept $dir/$name.pem"
    continue
  fi
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/$name.key"
  openssl req -new -key "$dir/$name.key" -subj "/CN=kasify-$name" -out "$dir/$name.csr"
  openssl x509 -req -in "$dir/$name.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -set_serial "0x$(openssl rand -hex 16)" \
    -days 825 -sha256 -extfile "$extensions" -out "$dir/$name.pem" 2>/dev/null
  openssl verify -CAfile "$dir/ca.pem" "$dir/$name.pem" >/dev/null
  echo "Created $dir/$name.pem (key $dir/$name.key)"
done

abs="$(cd "$dir" && pwd)"
echo
echo "Configure each host with its own pair, e.g. for ${names[0]}:"
echo "  export Kasify__Cluster__Tls__CertificatePath=$abs/${names[0]}.pem"
echo "  export Kasify__Cluster__Tls__KeyPath=$abs/${names[0]}.key"
echo "  export Kasify__Cluster__Tls__CaCertificatePath=$abs/ca.pem"
