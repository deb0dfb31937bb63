import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * Writes a new 2048-bit RSA private key as PKCS#8 PEM for the identity provider
 * (UCP_OIDC_SIGNING_KEY_FILE), so the tokens it signs stay valid across restarts. JDK only: no
 * openssl or keytool needed. An existing file is kept, never replaced: replacing it would make
 * every token issued so far invalid.
 *
 * Usage (source-file mode, no build): java identity-provider/tools/GenerateSigningKey.java FILE
 */
public class GenerateSigningKey {

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java GenerateSigningKey.java FILE");
            System.exit(2);
        }
        Path target = Path.of(args[0]).toAbsolutePath();
        if (Files.exists(target)) {
            System.out.println("kept the existing signing key " + target);
            return;
        }
        Path dir = target.getParent();
        Files.createDirectories(dir);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n";

        // Readable by the owner only from the start, and complete or absent: written beside the
        // target, then renamed, so a crash never leaves half a key that the provider cannot read.
        Path temp = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(dir, ".signing-key", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, ".signing-key", ".tmp");
        try {
            Files.writeString(temp, pem, StandardCharsets.US_ASCII);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        System.out.println("wrote a new signing key " + target);
    }
}
