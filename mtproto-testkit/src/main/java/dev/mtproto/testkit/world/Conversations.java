package dev.mtproto.testkit.world;

import dev.mtproto.testkit.world.accounts.AccessHashes;
import dev.mtproto.testkit.world.accounts.Accounts;
import dev.mtproto.testkit.world.accounts.UserObjects;
import dev.mtproto.testkit.world.bots.BotQueries;
import dev.mtproto.testkit.world.calls.WorldHandlers;
import dev.mtproto.testkit.world.chats.ChannelAccess;
import dev.mtproto.testkit.world.chats.ChannelMethods;
import dev.mtproto.testkit.world.chats.ChatObjects;
import dev.mtproto.testkit.world.chats.Chats;
import dev.mtproto.testkit.world.chats.ParticipantMethods;
import dev.mtproto.testkit.world.messages.BlockMethods;
import dev.mtproto.testkit.world.messages.Blocks;
import dev.mtproto.testkit.world.messages.CreateChatMethod;
import dev.mtproto.testkit.world.messages.GetDialogsMethod;
import dev.mtproto.testkit.world.messages.GetHistoryMethod;
import dev.mtproto.testkit.world.messages.GetMessagesMethod;
import dev.mtproto.testkit.world.messages.Histories;
import dev.mtproto.testkit.world.messages.InputPeers;
import dev.mtproto.testkit.world.messages.MemberChanges;
import dev.mtproto.testkit.world.messages.MemberMethods;
import dev.mtproto.testkit.world.messages.MessageChangeMethods;
import dev.mtproto.testkit.world.messages.MessageChanges;
import dev.mtproto.testkit.world.messages.MessageCopies;
import dev.mtproto.testkit.world.messages.MessageSender;
import dev.mtproto.testkit.world.messages.ScheduledMessages;
import dev.mtproto.testkit.world.messages.SearchMethods;
import dev.mtproto.testkit.world.messages.SendMessageMethod;
import dev.mtproto.testkit.world.updates.DifferenceLimits;
import dev.mtproto.testkit.world.updates.DifferenceMethods;
import dev.mtproto.testkit.world.updates.EntryPeers;
import dev.mtproto.testkit.world.updates.Mailboxes;
import dev.mtproto.testkit.world.updates.PushDispatcher;
import dev.mtproto.testkit.world.updates.PushTargets;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * The parts of the world that chats, messages and updates are made of, wired together, with the functions
 * they answer registered.
 */
final class Conversations implements AutoCloseable {
    final Chats chats = new Chats();
    final ChatObjects chatObjects;
    final ChannelMethods channelMethods;
    final Mailboxes boxes = new Mailboxes();
    final Histories histories = new Histories();
    final MessageCopies copies = new MessageCopies();
    final PushDispatcher pushes;
    final MessageSender sender;
    final ScheduledMessages scheduled;
    final MessageChanges changes;
    final Blocks blocks;
    final UpdateControls controls;
    final BotQueries botQueries;
    final MemberChanges members;
    final InputPeers inputPeers;

    Conversations(Accounts accounts, UserObjects users, AccessHashes accessHashes, PushTargets targets, Clock clock,
            WorldHandlers handlers, SecureRandom random) {
        this.chatObjects = new ChatObjects(accessHashes);
        ChannelAccess channels = new ChannelAccess(chats, chatObjects);
        this.channelMethods = new ChannelMethods(chats, chatObjects, channels);
        this.pushes = new PushDispatcher(targets);
        this.blocks = new Blocks(boxes, pushes, users);
        this.sender = new MessageSender(accounts, chats, users, chatObjects, boxes, pushes, histories, blocks, copies);
        this.scheduled = new ScheduledMessages(sender, pushes);
        DifferenceLimits limits = new DifferenceLimits();
        this.controls = new UpdateControls(pushes, boxes, limits, clock);
        channelMethods.register(handlers);
        new CreateChatMethod(accounts, accessHashes, chats, sender).register(handlers);
        this.inputPeers = new InputPeers(accounts, accessHashes, chats, channels);
        EntryPeers entryPeers = new EntryPeers(accounts, users, chats, chatObjects);
        new SendMessageMethod(inputPeers, sender, scheduled).register(handlers);
        new BlockMethods(inputPeers, blocks).register(handlers);
        this.changes = new MessageChanges(accounts, chats, boxes, copies, sender, pushes, entryPeers, histories);
        new MessageChangeMethods(inputPeers, channels, changes).register(handlers);
        this.members = new MemberChanges(accounts, chats, boxes, sender, pushes, entryPeers);
        new MemberMethods(inputPeers, channels, chats, members).register(handlers);
        this.botQueries = new BotQueries(accounts, changes, copies, pushes, entryPeers, random);
        botQueries.register(handlers);
        new GetHistoryMethod(inputPeers, boxes, entryPeers).register(handlers);
        new GetMessagesMethod(boxes, channels, entryPeers).register(handlers);
        new GetDialogsMethod(boxes, chats, entryPeers, changes.readMarks()).register(handlers);
        new SearchMethods(inputPeers, boxes, chats, entryPeers).register(handlers);
        new ParticipantMethods(chats, accounts, chatObjects, channels, entryPeers).register(handlers);
        new DifferenceMethods(boxes, limits, channels, entryPeers).register(handlers);
    }

    @Override
    public void close() {
        pushes.close();
    }
}
