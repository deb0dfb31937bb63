package org.urbancooperation.identity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.urbancooperation.identity.DemoUserProperties.DemoUser;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.util.StringUtils;

/**
 * The validated demo users: the sign-in form checks their passwords, the token customizer reads
 * their role, organisation and business. Built once at startup; a bad entry stops the start with
 * a message that names it.
 */
public final class DemoUserDirectory {

    private final Map<String, DemoUser> users;
    private final String defaultPassword;

    public DemoUserDirectory(DemoUserProperties properties) {
        if (properties.demoUsers().isEmpty()) {
            throw new IllegalStateException("ucp.identity.demo-users is empty: nobody could sign in");
        }
        Map<String, DemoUser> validated = new LinkedHashMap<>();
        properties.demoUsers().forEach((username, user) -> {
            user.validate(username);
            if (!StringUtils.hasText(user.password()) && !StringUtils.hasText(properties.defaultPassword())) {
                throw new IllegalStateException("ucp.identity.demo-users." + username
                        + ".password is empty and there is no ucp.identity.default-password");
            }
            validated.put(username, user);
        });
        this.users = Collections.unmodifiableMap(validated);
        this.defaultPassword = properties.defaultPassword();
    }

    public Optional<DemoUser> find(String username) {
        return Optional.ofNullable(users.get(username));
    }

    public Map<String, DemoUser> all() {
        return users;
    }

    /**
     * The users for Spring Security's form login. A password that already names its encoding
     * ({@code {bcrypt}...}) is taken as it is, so a shared demo need not keep plain passwords in
     * its configuration; a plain one is encoded here.
     */
    public InMemoryUserDetailsManager userDetailsManager(PasswordEncoder encoder) {
        List<UserDetails> details = new ArrayList<>();
        users.forEach((username, user) -> {
            String password = StringUtils.hasText(user.password()) ? user.password() : defaultPassword;
            String stored = password.startsWith("{") ? password : encoder.encode(password);
            details.add(User.withUsername(username)
                    .password(stored)
                    .authorities(new SimpleGrantedAuthority("ROLE_" + user.role().name()))
                    .build());
        });
        return new InMemoryUserDetailsManager(details);
    }
}
