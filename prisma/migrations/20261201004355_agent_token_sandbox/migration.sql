-- AlterTable
ALTER TABLE "AgentToken" ADD COLUMN     "sandbox" BOOLEAN NOT NULL DEFAULT false;
