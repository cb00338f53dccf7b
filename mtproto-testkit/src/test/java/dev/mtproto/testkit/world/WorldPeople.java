package dev.mtproto.testkit.world;

import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.tl.api.InputChannel;
import dev.mtproto.tl.api.InputPeerChannel;
import dev.mtproto.tl.api.InputPeerUser;
import dev.mtproto.tl.api.Channel;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.contacts.ResolveUsername;
import dev.mtproto.tl.api.contacts.ResolvedPeer;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh accounts for each test (a test class's world keeps them all), and peers looked up as a client does. */
final class WorldPeople {
    private final TestCluster telegram;
    private final World world;
    private final String prefix;
    private final AtomicInteger next = new AtomicInteger();

    /**
     * @param telegram the cluster
     * @param numberPrefix the first digits of the phone numbers, unique to the test class
     */
    WorldPeople(TestCluster telegram, String numberPrefix) {
        this.telegram = telegram;
        this.world = telegram.world();
        this.prefix = numberPrefix;
    }

    /** @return a client on the account's home DC, signed in */
    WorldClient signedIn(Account account) {
        return WorldClient.signedIn(telegram, account);
    }

    /** @return a new person with a username, on DC 1 */
    Account person(String name) {
        int n = next.incrementAndGet();
        return world.newUser("+" + prefix + String.format("%04d", n)).name(name).username(name.toLowerCase() + "_" + prefix + n)
                .homeDc(1).create();
    }

    /** @return a new bot, on DC 1 */
    Account bot(String name) {
        int n = next.incrementAndGet();
        return world.newBot(name.toLowerCase() + prefix + n + "_bot").name(name).homeDc(1).create();
    }

    /** @return the user as the client's account sees it, resolved by username */
    static User user(WorldClient client, Account account) {
        return (User) ((ResolvedPeer) client.call(new ResolveUsername(account.username(), null))).users().get(0);
    }

    /** @return {@code inputPeerUser} with the client's own access hash */
    static InputPeerUser inputUser(WorldClient client, Account account) {
        User u = user(client, account);
        return new InputPeerUser(u.id(), u.accessHash());
    }

    /** @return {@code inputChannel} with the client's own access hash, the channel resolved by username */
    static InputChannel inputChannel(WorldClient client, String username) {
        Channel c = (Channel) ((ResolvedPeer) client.call(new ResolveUsername(username, null))).chats().get(0);
        return new InputChannel(c.id(), c.accessHash());
    }

    /** @return {@code inputPeerChannel} with the client's own access hash */
    static InputPeerChannel inputPeerChannel(WorldClient client, String username) {
        InputChannel c = inputChannel(client, username);
        return new InputPeerChannel(c.channelId(), c.accessHash());
    }
}
