-- AlterTable
ALTER TABLE "TenantPolicy" ADD COLUMN     "approvalWebhookSecret" TEXT,
ADD COLUMN     "approvalWebhookUrl" TEXT;
