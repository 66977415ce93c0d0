import sys, datetime
from cryptography import x509
from cryptography.x509.oid import NameOID
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
n=int(sys.argv[1]); key=ec.generate_private_key(ec.SECP256R1())
X=x509.Name([x509.NameAttribute(NameOID.COMMON_NAME,'X')]); Y=x509.Name([x509.NameAttribute(NameOID.COMMON_NAME,'Y')])
out=[]
t=datetime.datetime(2026,1,1)
for i in range(n):
    s,iss=(X,Y) if i%2 else (Y,X)
    c=(x509.CertificateBuilder().subject_name(s).issuer_name(iss).public_key(key.public_key()).serial_number(i+1)
       .not_valid_before(t).not_valid_after(t+datetime.timedelta(days=365))
       .add_extension(x509.BasicConstraints(ca=True,path_length=None),critical=True).sign(key,hashes.SHA256()))
    out.append(c.public_bytes(serialization.Encoding.PEM))
sys.stdout.buffer.write(b''.join(out))
