"""Throwaway certificates for tsheet's test servers: a CA, and a server certificate it signs (or not)."""
import datetime
import ipaddress
import os
import ssl

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


def certificate(subject, issuer_name, issuer_key, key, is_ca, names=()):
    """A certificate for `subject`, valid for a day; a server's names each `names` (IP addresses or DNS names)."""
    now = datetime.datetime.now(datetime.timezone.utc)
    builder = (x509.CertificateBuilder()
               .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
               .issuer_name(issuer_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=1))
               .add_extension(x509.BasicConstraints(ca=is_ca, path_length=None), critical=True))
    if not is_ca:
        def general_name(name):
            try:
                return x509.IPAddress(ipaddress.ip_address(name))
            except ValueError:
                return x509.DNSName(name)
        builder = builder.add_extension(x509.SubjectAlternativeName([general_name(n) for n in names]), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def make_certificates(folder, untrusted=False, names=("127.0.0.1", "localhost")):
    """Writes ca.pem (what a client should trust), server.pem and server.key to `folder`, the server's
    certificate for `names`, signed by that CA unless `untrusted` (then self-signed: nothing in ca.pem vouches
    for it); returns the server's TLS context."""
    os.makedirs(folder, exist_ok=True)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "tsheet test CA")])
    ca = certificate("tsheet test CA", ca_name, ca_key, ca_key, True)
    server_key = ec.generate_private_key(ec.SECP256R1())
    if untrusted:
        rogue_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, names[0])])
        server = certificate(names[0], rogue_name, server_key, server_key, False, names)
    else:
        server = certificate(names[0], ca_name, ca_key, server_key, False, names)
    pem = serialization.Encoding.PEM
    with open(os.path.join(folder, "ca.pem"), "wb") as handle:
        handle.write(ca.public_bytes(pem))
    with open(os.path.join(folder, "server.pem"), "wb") as handle:
        handle.write(server.public_bytes(pem))
    with open(os.path.join(folder, "server.key"), "wb") as handle:
        handle.write(server_key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(os.path.join(folder, "server.pem"), os.path.join(folder, "server.key"))
    return context
