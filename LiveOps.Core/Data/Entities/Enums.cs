namespace LiveOps.Core.Data.Entities;

// Enum names are the contract's CSV spellings in PascalCase; CsvEnum maps them both ways.
public enum AcquisitionChannel { LiveRoom, ShortVideo, Search, Ad, Referral, Other }

public enum OrderStatus { Paid, Refunded, Cancelled }

public enum OrderChannel { LiveRoom, PrivateGroup, MiniProgram, Shop, Other }

public enum AudienceKind { WechatGroup, WecomContacts, Segment }

public enum AudienceEventType { Joined, Left }

public enum PushKind { Promotion, Content, Service }

public enum CampaignType { ExclusiveCoupon, HookProduct, LotteryJoin, FlashGroupBuy, MemberPresale, Content }

public enum CampaignStage { Exposed, Clicked, Joined, Claimed, Redeemed }
