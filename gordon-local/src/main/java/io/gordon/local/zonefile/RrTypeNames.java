package io.gordon.local.zonefile;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The record type mnemonics a zone file may name (IANA's DNS parameters registry, plus RFC 3597's
 * {@code TYPE<number>}). A word in the type position that is none of these is a typo or prose, and
 * keeping it as an unmanaged record would make gordon write a file DNS servers refuse.
 */
final class RrTypeNames {
  private static final Pattern GENERIC = Pattern.compile("TYPE[0-9]{1,5}");
  private static final Set<String> NAMES =
      Set.of(
          ("A NS MD MF CNAME SOA MB MG MR NULL WKS PTR HINFO MINFO MX TXT RP AFSDB X25 ISDN "
                  + "RT NSAP NSAP-PTR SIG KEY PX GPOS AAAA LOC NXT EID NIMLOC SRV ATMA NAPTR KX CERT "
                  + "A6 DNAME SINK APL DS SSHFP IPSECKEY RRSIG NSEC DNSKEY DHCID NSEC3 NSEC3PARAM "
                  + "TLSA SMIMEA HIP NINFO RKEY TALINK CDS CDNSKEY OPENPGPKEY CSYNC ZONEMD SVCB "
                  + "HTTPS DSYNC SPF UINFO UID GID UNSPEC NID L32 L64 LP EUI48 EUI64 URI CAA AVC DOA "
                  + "AMTRELAY RESINFO WALLET TA DLV ")
              .trim()
              .split(" "));

  private RrTypeNames() {}

  /** Whether {@code upper} (upper case) names a record type that may appear in a zone file. */
  static boolean isType(String upper) {
    return NAMES.contains(upper) || GENERIC.matcher(upper).matches();
  }
}
