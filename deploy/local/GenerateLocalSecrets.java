import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes the local stack's secrets once, with the JDK alone (no openssl): the gateway's EC P-256
 * identity key pair (base64 PKCS#8 / X.509, the forms UCP_IDENTITY_PRIVATE_KEY and
 * UCP_IDENTITY_PUBLIC_KEY take) and the first operator's API key (ucp_<keyId>_<secret>). Files that
 * exist are kept, so a restart keeps working keys.
 *
 * Usage: java GenerateLocalSecrets.java <private-key-file> <public-key-file> <operator-key-file>
 */
public class GenerateLocalSecrets {

    public static void main(String[] args) throws Exception {
        Path privateKey = Path.of(args[0]);
        Path publicKey = Path.of(args[1]);
        Path operatorKey = Path.of(args[2]);
        if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            write(privateKey, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            write(publicKey, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        }
        if (!Files.exists(operatorKey)) {
            SecureRandom random = new SecureRandom();
            byte[] id = new byte[8];
            byte[] secret = new byte[32];
            random.nextBytes(id);
            random.nextBytes(secret);
            write(operatorKey, "ucp_" + HexFormat.of().formatHex(id) + "_"
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        }
    }

    private static void write(Path file, String value) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, value + "\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // best effort on file systems without POSIX permissions
        }
    }
}
