package org.zhsz.platform.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * The client's address behind a reverse proxy. When the connection comes from a trusted proxy (an address or CIDR
 * in {@code zhsz.proxy.trusted-addresses}, env {@code ZHSZ_TRUSTED_PROXIES}), the request's remote address becomes
 * the client named in {@code X-Forwarded-For}: read from the right, the first address that is not itself a trusted
 * proxy (so a client cannot choose its own address by sending the header: the proxy appends the real one). From
 * any other peer the forwarding headers are dropped and the connection's address stands. Nothing is trusted by
 * default, which is right when the app is exposed directly; the Helm chart trusts the cluster's private ranges.
 * Whatever decides per client (the public verification's rate limit) reads the address this filter sets.
 */
@Component
class ClientAddressFilter implements WebFilter, Ordered {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final List<String> FORWARDING_HEADERS = List.of(FORWARDED_FOR, "Forwarded", "X-Real-IP",
            "X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Proto", "X-Forwarded-Prefix");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<Cidr> trusted;
    private final org.zhsz.platform.security.ManagementPort management;

    ClientAddressFilter(ProxyProperties props, org.zhsz.platform.security.ManagementPort management) {
        this.trusted = props.trustedAddresses().stream().map(Cidr::parse).toList();
        this.management = management;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE; // before security, logging and the handlers
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (management.matches(exchange)) {
            return chain.filter(exchange); // the management port is not behind the proxy: the peer is the peer
        }
        boolean forwarded = FORWARDING_HEADERS.stream().anyMatch(h -> request.getHeaders().containsHeader(h));
        if (!forwarded) {
            return chain.filter(exchange);
        }
        InetSocketAddress peer = request.getRemoteAddress();
        if (peer == null || peer.getAddress() == null || !isTrusted(peer.getAddress())) {
            // a client talking to us directly may not tell us who it is
            return chain.filter(exchange.mutate().request(request.mutate()
                    .headers(h -> FORWARDING_HEADERS.forEach(h::remove)).build()).build());
        }
        InetAddress client = clientOf(request.getHeaders().getValuesAsList(FORWARDED_FOR));
        if (client == null) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(request.mutate()
                .remoteAddress(new InetSocketAddress(client, 0)).build()).build());
    }

    boolean isTrusted(InetAddress address) {
        for (Cidr c : trusted) {
            if (c.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** Right to left: the first hop that is not a trusted proxy; the left-most if all are; null if unreadable. */
    InetAddress clientOf(List<String> headerValues) {
        List<String> hops = new ArrayList<>();
        for (String value : headerValues) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    hops.add(part.trim());
                }
            }
        }
        InetAddress last = null;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                return last; // garbage left of here was not written by a proxy we trust
            }
            if (!isTrusted(hop)) {
                return hop;
            }
            last = hop;
        }
        return last;
    }

    /** An IP literal (optionally with port or IPv6 brackets); never a DNS lookup. */
    static InetAddress literal(String hop) {
        String s = hop;
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            if (end < 0) {
                return null;
            }
            s = s.substring(1, end);
        } else if (s.indexOf(':') == s.lastIndexOf(':') && s.indexOf(':') > 0) {
            s = s.substring(0, s.indexOf(':')); // IPv4 with a port
        }
        if (!IPV4.matcher(s).matches() && !IPV6.matcher(s).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(s); // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address block, e.g. 10.0.0.0/8, fd00::/8, or one address (all bits). */
    record Cidr(byte[] network, int bits) {

        static Cidr parse(String spec) {
            int slash = spec.indexOf('/');
            InetAddress a = literal(slash < 0 ? spec : spec.substring(0, slash));
            if (a == null) {
                throw new IllegalArgumentException("zhsz.proxy.trusted-addresses: not an IP address or CIDR: " + spec);
            }
            byte[] net = a.getAddress();
            int bits = slash < 0 ? net.length * 8 : Integer.parseInt(spec.substring(slash + 1));
            if (bits < 0 || bits > net.length * 8) {
                throw new IllegalArgumentException("zhsz.proxy.trusted-addresses: bad prefix length in " + spec);
            }
            return new Cidr(net, bits);
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (a[full] & mask) == (network[full] & mask);
        }
    }

    /**
     * Reverse proxies whose {@code X-Forwarded-For} is believed.
     *
     * @param trustedAddresses addresses or CIDR blocks (e.g. {@code 10.0.0.0/8}) of the proxies in front of the
     *                         app (env ZHSZ_TRUSTED_PROXIES, comma-separated); empty: none
     */
    @ConfigurationProperties("zhsz.proxy")
    record ProxyProperties(List<String> trustedAddresses) {
        ProxyProperties {
            trustedAddresses = trustedAddresses == null ? List.of()
                    : trustedAddresses.stream().filter(a -> a != null && !a.isBlank()).map(String::trim).toList();
        }
    }
}
