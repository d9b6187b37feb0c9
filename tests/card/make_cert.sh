#!/bin/sh
# Makes a test JPKI-like user-authentication certificate (DER) with a chosen
# notAfter, issued by a throw-away CA.
#
#   make_cert.sh NOTAFTER OUT.der
#
# NOTAFTER is UTC, YYYYMMDDhhmmssZ. JPKI certificates end at 23:59:59 JST,
# i.e. 14:59:59Z of the same date: 20301210145959Z is shown as 2030-12-10.
# notBefore is five years earlier at 15:00:00Z (00:00 JST the next day), as a
# JPKI certificate lasts about five years (29 February becomes the 28th).
#
# Fixed serial number, names, dates and extensions; only the RSA-2048 keys
# (made anew each time, kept in a temporary directory removed on exit) and so
# the signature differ between runs. The DER is 1704 bytes (1708 with a
# notAfter from 2050 on, a GeneralizedTime), so reading it takes several READ
# BINARY commands, like a real one (~1.2-2 KB).
set -eu

if [ $# -ne 2 ] || ! printf '%s' "$1" | grep -Eq '^[0-9]{14}Z$'; then
    echo "usage: $0 YYYYMMDDhhmmssZ OUT.der" >&2
    exit 2
fi
not_after=$1
out=$2
year=$(printf '%s' "$not_after" | cut -c1-4)
rest=$(printf '%s' "$not_after" | cut -c5-8)
if [ "$rest" = 0229 ]; then rest=0228; fi
not_before="$((year - 5))${rest}150000Z"

work=$(mktemp -d "${TMPDIR:-/tmp}/madoguchi-cert.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

cat >"$work/ca.cnf" <<EOF
[ca]
default_ca = test_ca

[test_ca]
dir = $work
database = \$dir/index.txt
serial = \$dir/serial
new_certs_dir = \$dir
default_md = sha256
policy = any_name
unique_subject = no
email_in_dn = no

[any_name]
countryName = optional
organizationName = optional
organizationalUnitName = optional
commonName = supplied

[req]
distinguished_name = req_name
prompt = no

[req_name]
CN = unused

[ca_ext]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash

[user_auth_ext]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
certificatePolicies = @user_auth_policy
issuerAltName = dirName:issuer_alt_name
crlDistributionPoints = @crl_points
authorityInfoAccess = OCSP;URI:http://ocsp-auth.test.invalid/madoguchi-jpki-emulator/ocsp, caIssuers;URI:http://repository.test.invalid/madoguchi-jpki-emulator/ca/user-authentication-ca.der

[user_auth_policy]
policyIdentifier = 1.2.392.200149.8.5.1.3.30
CPS.1 = http://repository.test.invalid/madoguchi-jpki-emulator/cps/user-authentication-certificate-policy.html

[issuer_alt_name]
C = JP
O = Test Agency for Local Authority Information Systems (not real)
OU = Madoguchi test suite, emulated My Number Card

[crl_points]
URI.1 = ldap://dir.test.invalid/cn=CRL1,ou=User Authentication CA,o=JPKI TEST,c=JP?certificateRevocationList
URI.2 = http://crl.test.invalid/madoguchi-jpki-emulator/crl/user-authentication-crl1.crl
EOF
: >"$work/index.txt"
echo 1A2B3C4D >"$work/serial"

issuer="/C=JP/O=JPKI TEST (madoguchi emulator)/OU=JPKI for user authentication (test)/OU=Test Agency for Local Authority Information Systems"
openssl req -config "$work/ca.cnf" -x509 -newkey rsa:2048 -nodes -sha256 \
    -keyout "$work/ca.key" -out "$work/ca.pem" -subj "$issuer" \
    -set_serial 1 -days 7300 -extensions ca_ext 2>/dev/null
openssl req -config "$work/ca.cnf" -new -newkey rsa:2048 -nodes \
    -keyout "$work/user.key" -out "$work/user.csr" \
    -subj "/C=JP/CN=MADOGUCHI-TEST-USER-AUTHENTICATION-0000000001" 2>/dev/null
openssl ca -config "$work/ca.cnf" -batch -notext \
    -cert "$work/ca.pem" -keyfile "$work/ca.key" -in "$work/user.csr" \
    -startdate "$not_before" -enddate "$not_after" \
    -extensions user_auth_ext -out "$work/user.pem" 2>/dev/null
openssl x509 -in "$work/user.pem" -outform DER -out "$out"
